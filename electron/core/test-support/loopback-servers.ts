import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Tiny HTTP servers on 127.0.0.1 for the faults a real CMS cannot produce on demand: a hang, a
 * reset, garbage, a refused port. Test support only; `closeAll()` in `afterAll`.
 */
export class LoopbackServers {
  private readonly servers: Server[] = [];

  /** Starts a server and returns its base URL, `http://127.0.0.1:<port>` (no trailing slash). */
  async serve(handler: RequestListener): Promise<string> {
    const server = createServer(handler);
    this.servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /** A URL whose port was just freed, so connecting to it is refused. */
  async refusedUrl(): Promise<string> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await new Promise((resolve) => server.close(resolve));
    return url;
  }

  async closeAll(): Promise<void> {
    for (const server of this.servers.splice(0)) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }
}
