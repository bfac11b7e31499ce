// A child process running s3rver (an S3-compatible server on local disk) for tests and benches:
// `node --import tsx s3rver-process.ts DIR BUCKET` prints `S3RVER LISTENING <port>` once it serves.
// Its own process, so its memory and CPU are not counted as the store's.
import S3rver from 's3rver';

const [directory, bucket] = process.argv.slice(2);
const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory,
  configureBuckets: [{ name: bucket!, configs: [] }],
});
const { port } = (await server.run()) as { port: number };
process.stdout.write(`S3RVER LISTENING ${port}\n`);
process.on('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
