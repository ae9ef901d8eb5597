/**
 * The benchmark's SMTP sink, in a process of its own so that neither the load generator nor the app
 * slows it down. It counts messages by their X-Baocao-Mail-Key header (or Message-ID) and answers
 * over IPC:
 *   { type: 'reset' }  -> { type: 'reset' }            forget everything
 *   { type: 'report' } -> { type: 'report', received, distinct, duplicates, firstAt, lastAt, keys }
 * It starts with { type: 'listening', port }.
 */
const { Buffer } = require('node:buffer');
const { SMTPServer } = require('smtp-server');

let counts = new Map();
let received = 0;
let firstAt = null;
let lastAt = null;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  maxClients: 1000,
  onData(stream, _session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => {
      const head = Buffer.concat(chunks).toString('utf8').split('\r\n\r\n')[0];
      const key = /^X-Baocao-Mail-Key:\s*(.+)$/im.exec(head)?.[1].trim() ?? /^Message-ID:\s*(.+)$/im.exec(head)?.[1].trim() ?? '';
      counts.set(key, (counts.get(key) ?? 0) + 1);
      received += 1;
      const now = Date.now();
      firstAt ??= now;
      lastAt = now;
      callback();
    });
  },
});
server.on('error', (error) => process.send({ type: 'error', message: error.message }));

process.on('message', (message) => {
  if (message.type === 'reset') {
    counts = new Map();
    received = 0;
    firstAt = null;
    lastAt = null;
    process.send({ type: 'reset' });
  } else if (message.type === 'report') {
    let duplicates = 0;
    for (const count of counts.values()) duplicates += count - 1;
    process.send({ type: 'report', received, distinct: counts.size, duplicates, firstAt, lastAt, keys: message.withKeys ? [...counts.keys()] : [] });
  }
});
process.on('disconnect', () => process.exit(0));

server.listen(0, '127.0.0.1', () => process.send({ type: 'listening', port: server.server.address().port }));
