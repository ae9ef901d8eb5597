/**
 * A small round-robin HTTP proxy, run as its own process:
 *   node bench/burst/proxy.js <listenPort> <upstreamPort> [<upstreamPort>...]
 * Each request goes to the next upstream on 127.0.0.1 on a connection of its own (no keep-alive
 * upstream, nginx's default: a reused idle connection can be closed by the upstream's 5 s
 * keep-alive timeout just as a request is sent on it, and a streamed body cannot be retried); bodies
 * are piped both ways, nothing is buffered. Prints "listening" once it accepts connections.
 */
const http = require('node:http');

const [listenPort, ...upstreamPorts] = process.argv.slice(2).map(Number);
if (!listenPort || upstreamPorts.length === 0) {
  process.stderr.write('usage: node bench/burst/proxy.js <listenPort> <upstreamPort> [<upstreamPort>...]\n');
  process.exit(2);
}

const agent = new http.Agent({ keepAlive: false });
let next = 0;

const server = http.createServer((request, response) => {
  const port = upstreamPorts[next];
  next = (next + 1) % upstreamPorts.length;
  const upstream = http.request(
    { host: '127.0.0.1', port, method: request.method, path: request.url, headers: request.headers, agent },
    (answer) => {
      response.writeHead(answer.statusCode, answer.headers);
      answer.pipe(response);
    },
  );
  upstream.on('error', (error) => {
    if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
    response.end(`proxy: ${error.message}`);
  });
  request.pipe(upstream);
});

server.keepAliveTimeout = 60_000;
server.listen(listenPort, '127.0.0.1', () => process.stdout.write('listening\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
