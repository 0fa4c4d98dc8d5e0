// The /api/v1 handlers served from a plain node:http server on 127.0.0.1 (an ephemeral port)
// inside the benchmark process, through the same adapter `npm start` uses for /api/v1
// (server/api/v1/node-handler.ts). No Next.js, so the numbers are the API and the database.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { handleApiV1 } from "../../server/api/v1/node-handler";
import type { Db } from "../../server/db";

export interface ApiServer {
  origin: string;
  close(): Promise<void>;
}

export async function startApiServer(db: Db): Promise<ApiServer> {
  const server = http.createServer((req, res) => {
    void handleApiV1(db, req, res);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
