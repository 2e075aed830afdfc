import http from 'node:http';

/** Kept-alive connections, as a browser keeps them: the load generator must cost far less than the server. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** POSTs JSON with a bearer credential; resolves with the parsed response, rejects on a non-2xx status. */
export function postJson(url: string, credential: string, body: unknown): Promise<unknown> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${credential}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = response.statusCode ?? 500;
          if (status < 200 || status >= 300) reject(new Error(`${new URL(url).pathname}: ${status} ${text}`));
          else resolve(JSON.parse(text));
        });
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}
