// A scripted fetch for unit tests: answers queued responses in order and records every call.

export interface ScriptedResponse {
  readonly status?: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Throw like a dropped connection instead of answering. */
  readonly network?: true;
}

export interface FakeFetch {
  readonly fetch: typeof fetch;
  readonly calls: { url: string; method: string; headers: Record<string, string> }[];
  push(...responses: ScriptedResponse[]): void;
}

export function createFakeFetch(): FakeFetch {
  const queue: ScriptedResponse[] = [];
  const calls: FakeFetch['calls'] = [];
  const fake = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    calls.push({ url: String(input), method: init?.method ?? 'GET', headers });
    const next = queue.shift();
    if (!next) throw new Error(`fake fetch: no scripted response for ${String(input)}`);
    if (next.network) throw new TypeError('fetch failed');
    const text =
      next.body === undefined
        ? ''
        : typeof next.body === 'string'
          ? next.body
          : JSON.stringify(next.body);
    return new Response(text === '' ? null : text, {
      status: next.status ?? 200,
      headers: next.headers ?? {},
    });
  };
  return { fetch: fake as typeof fetch, calls, push: (...r) => queue.push(...r) };
}

/** A clock whose sleep advances it, recording each wait. */
export function createFakeTime(start = Date.UTC(2025, 0, 1)) {
  let now = start;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    advance: (ms: number) => {
      now += ms;
    },
    sleeps,
  };
}

export function googleError(code: number, reason: string, message: string, location?: string) {
  return {
    error: {
      errors: [{ domain: 'global', reason, message, ...(location ? { location } : {}) }],
      code,
      message,
    },
  };
}
