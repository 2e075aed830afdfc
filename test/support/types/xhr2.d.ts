declare module 'xhr2' {
  /** xhr2: XMLHttpRequest for Node, as browsers have it (bodies: strings, Buffers and ArrayBuffer views). */
  class XMLHttpRequest {
    readyState: number;
    setRequestHeader(name: string, value: string): void;
    send(data?: unknown): void;
  }
  export = XMLHttpRequest;
}
