/** Creates the first admin through the setup page's endpoint and returns its session cookie. */
export async function firstAdminCookie(url: string): Promise<string> {
  const setup = await fetch(`${url}/api/editor/setup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "faults@example.org", displayName: "Fault Tester", password: "a long enough password" }),
  });
  if (setup.status !== 201) throw new Error(`setup answered ${setup.status}: ${await setup.text()}`);
  return setup.headers.get("set-cookie")!.split(";")[0]!;
}
