import { afterEach, describe, expect, it } from 'vitest';
import type { AlmanacStore } from '../../../extension/store/open';
import { STORE_VERSION } from '../../../extension/store/store-version';
import { openTestStore } from '../helpers/open-test-store';

const opened: AlmanacStore[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});
async function open(name: string, storeVersion?: number) {
  const s = await openTestStore({ name, storeVersion });
  opened.push(s);
  return s;
}

describe('STORE_VERSION', () => {
  it('a fresh database records the version; reopening changes nothing', async () => {
    const first = await open('version-a');
    expect(first.versionCheck).toBe('fresh');
    expect((await first.db.meta.get('storeVersion'))?.value).toBe(STORE_VERSION);
    first.close();
    const again = await open('version-a');
    expect(again.versionCheck).toBe('same');
    expect(again.writes.data() + again.writes.audit()).toBe(0);
  });

  it('a bump clears synced data and cursors but keeps calendar rows and user choices', async () => {
    const first = await open('version-b');
    const cursor = { token: 't', fullSyncedAt: 1, savedAt: 1 };
    await first.db.sources.put({ id: 'me', provider: 'google', calendarListCursor: cursor });
    await first.db.calendars.put({
      key: 'me:a',
      sourceId: 'me',
      id: 'a',
      etag: '1',
      summary: 'a',
      hidden: false,
      googleSelected: false,
      primary: false,
      userSelected: true,
      raw: {},
      cursor,
    });
    await first.db.events.put({
      calendarKey: 'me:a',
      id: 'e',
      etag: '1',
      status: 'confirmed',
      startMs: 0,
      endMs: 1,
      allDay: false,
      raw: {},
    });
    await first.db.scopes.put({ scope: 'x', status: 'ok', consecutiveFailures: 0, nextRunAt: 5 });
    first.close();

    const bumped = await open('version-b', STORE_VERSION + 1);
    expect(bumped.versionCheck).toBe('reset');
    expect(await bumped.db.events.count()).toBe(0);
    expect(await bumped.db.scopes.count()).toBe(0);
    expect(await bumped.db.sources.get('me')).toEqual({ id: 'me', provider: 'google' });
    const row = await bumped.db.calendars.get('me:a');
    expect(row?.cursor).toBeUndefined();
    expect(row?.userSelected).toBe(true);
  });
});
