// The benchmark's target, in its own process so it never shares an event loop with the clients being measured:
// answers every request 200 with a small body, and tells the parent its port over IPC.
import { createServer } from 'node:http';

const BODY = Buffer.from('{"ok":true}');
const server = createServer((request, response) => {
  // Read (and discard) any request body before answering, as a real service would.
  request.resume();
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': BODY.length });
  response.end(BODY);
});
server.keepAliveTimeout = 30_000;
server.listen({ host: '127.0.0.1', port: 0 }, () => {
  process.send?.({ port: server.address().port });
});
// Ends with its parent: a benchmark that crashes must not leave a server behind.
process.on('disconnect', () => process.exit(0));
