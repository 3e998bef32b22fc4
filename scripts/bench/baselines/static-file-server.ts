// Baseline for (a): one HTML file served from memory by Node's own http module, nothing else.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const [file, port] = [process.argv[2]!, Number(process.argv[3])];
const body = readFileSync(file);
createServer((_req, res) => {
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length });
  res.end(body);
}).listen(port, "127.0.0.1", () => console.log("ready"));
