import { WebSocket } from 'ws';
import NodeXMLHttpRequest from 'xhr2';

/**
 * What `botframework-directlinejs` finds in a browser and Node 20 lacks: `XMLHttpRequest` (rxjs's ajax) and
 * `WebSocket`. xhr2 cannot send `FormData` (the client's uploads), so this subclass encodes it as multipart with
 * Node's own `Request`, exactly as a browser would, then sends the bytes. The client itself runs unmodified.
 */
class XMLHttpRequestWithFormData extends NodeXMLHttpRequest {
  override send(data?: unknown): void {
    if (!(data instanceof FormData)) {
      super.send(data);
      return;
    }
    const encoded = new Request('http://localhost/', { method: 'POST', body: data });
    void encoded.arrayBuffer().then((bytes) => {
      this.setRequestHeader('Content-Type', encoded.headers.get('content-type') ?? 'multipart/form-data');
      super.send(Buffer.from(bytes));
    });
  }
}

Object.assign(globalThis, { XMLHttpRequest: XMLHttpRequestWithFormData, WebSocket });
