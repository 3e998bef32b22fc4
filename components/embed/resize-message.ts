// The message an embed posts to the page that frames it, whenever its height changes:
//   { type: "contraste:resize", slug: "<indicator slug>", height: <content height in CSS pixels> }
// Host pages listen for it to size the iframe (EmbedButton shows the listener). Keep in sync with the README.

export const RESIZE_MESSAGE_TYPE = "contraste:resize";

export type ResizeMessage = { type: typeof RESIZE_MESSAGE_TYPE; slug: string; height: number };
