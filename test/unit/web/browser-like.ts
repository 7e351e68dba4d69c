// A client that opens a launch link the way the admin's browser does: it follows redirects keeping every cookie
// it is given, and does what the page's preload does with the link (trade it for the tab's key). Tests then see
// everything a browser would hold for 127.0.0.1, and can replay any of it as an attacker would.
import http from 'node:http';

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function request(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += String(d)));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

export class BrowserLike {
  /** Every cookie the server set, as the browser's jar for 127.0.0.1 would hold it. */
  readonly jar = new Map<string, string>();
  /** Everything else the page stored (its sessionStorage). */
  readonly stored = new Map<string, string>();
  constructor(readonly port: number) {}

  get origin() {
    return `http://127.0.0.1:${this.port}`;
  }

  cookieHeader(): Record<string, string> {
    return this.jar.size ? { cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {};
  }

  private keep(answer: Answer) {
    for (const c of answer.headers['set-cookie'] ?? []) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      this.jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    return answer;
  }

  /** GET with the jar's cookies, following redirects like a browser. */
  async get(path: string): Promise<Answer> {
    let answer = this.keep(await request(this.port, { path, headers: this.cookieHeader() }));
    for (let hops = 0; answer.status >= 300 && answer.status < 400 && hops < 5; hops++) {
      answer = this.keep(await request(this.port, { path: answer.headers.location!, headers: this.cookieHeader() }));
    }
    return answer;
  }

  /** Opens a launch link: the page load, then what the page's preload does with the link. */
  async open(link: string): Promise<Answer> {
    const url = new URL(link);
    const page = await this.get(url.pathname + url.search);
    const ticket = url.searchParams.get('launch');
    if (page.status === 200 && ticket) {
      const claim = await request(this.port, {
        method: 'POST',
        path: '/bridge/claim',
        headers: { origin: this.origin, 'content-type': 'application/json' },
        body: JSON.stringify({ ticket }),
      });
      if (claim.status === 200) this.stored.set('roster.bridgeKey', (JSON.parse(claim.body) as { key: string }).key);
    }
    return page;
  }

  /** The headers the page's script sends with an API call. */
  apiHeaders(): Record<string, string> {
    const key = this.stored.get('roster.bridgeKey');
    return { origin: this.origin, 'content-type': 'application/json', ...this.cookieHeader(), ...(key ? { 'x-roster-key': key } : {}) };
  }

  async call(method: string, payload: unknown = {}): Promise<Answer> {
    return this.keep(await request(this.port, { method: 'POST', path: `/api/${method}`, headers: this.apiHeaders(), body: JSON.stringify(payload) }));
  }
}
