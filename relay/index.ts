import { Hono } from 'hono';

// The relay's HTTP surface. It never sees OAuth tokens or calendar data (DESIGN.md §4): only
// channel ids and resource states pass through it.
export const app = new Hono();

app.get('/health', (c) => c.json({ ok: true, service: 'almanac-relay' }));

app.notFound((c) => c.json({ error: 'not_found', message: `No route for ${c.req.path}` }, 404));

export default app;
