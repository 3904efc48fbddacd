import { createServer, request as httpRequest } from 'node:http';

export interface RoundRobinProxy {
  /** `http://127.0.0.1:<port>`: the proxy's origin. */
  url: string;
  /** Index of the upstream the next request goes to; tests set it to pick who answers. */
  next: number;
  /** Response header naming the index of the upstream that answered. */
  readonly servedByHeader: 'x-served-by';
  close(): Promise<void>;
}

/**
 * A load balancer for tests: each request goes to the next upstream in turn, bodies and responses
 * (SSE streams included) piped both ways, with `X-Forwarded-For` set as a real proxy sets it.
 */
export async function startRoundRobinProxy(upstreams: string[]): Promise<RoundRobinProxy> {
  const proxy: RoundRobinProxy = { url: '', next: 0, servedByHeader: 'x-served-by', close: async () => {} };
  const server = createServer((req, res) => {
    const index = proxy.next % upstreams.length;
    proxy.next = index + 1;
    const target = new URL(req.url ?? '/', upstreams[index]);
    const forwarded = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
    const upstream = httpRequest(target, { method: req.method, headers: { ...req.headers, host: target.host, 'x-forwarded-for': forwarded } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, { ...answer.headers, [proxy.servedByHeader]: String(index) });
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  proxy.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}
