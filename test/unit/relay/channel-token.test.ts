import { describe, expect, it } from 'vitest';
import { signChannelToken, verifyChannelToken } from '../../../relay/channel-token';
import { channelTokenIssuedSchema } from '../../../shared/relay-protocol';

const KEY = 'signing-key-for-tests';
const SUBSCRIBER = 'Ab3_-Ab3_-Ab3_-Ab3_-Ab';

describe('channel tokens', () => {
  it('round-trips to the subscriber id for the channel it was issued for', async () => {
    const token = await signChannelToken(KEY, SUBSCRIBER, 'chan-1');
    expect(channelTokenIssuedSchema.parse({ token }).token.length).toBeLessThanOrEqual(256);
    expect(await verifyChannelToken([KEY], token, 'chan-1')).toBe(SUBSCRIBER);
  });

  it('stays within 256 characters for the longest ids', async () => {
    const token = await signChannelToken(KEY, 'a'.repeat(64), 'c'.repeat(64));
    expect(token.length).toBeLessThanOrEqual(256);
    expect(await verifyChannelToken([KEY], token, 'c'.repeat(64))).toBe('a'.repeat(64));
  });

  it('is refused for another channel, another key, or any altered character', async () => {
    const token = await signChannelToken(KEY, SUBSCRIBER, 'chan-1');
    expect(await verifyChannelToken([KEY], token, 'chan-2')).toBeNull();
    expect(await verifyChannelToken(['another-key'], token, 'chan-1')).toBeNull();
    const other = 'Zb3_-Ab3_-Ab3_-Ab3_-Ab';
    expect(await verifyChannelToken([KEY], token.replace(SUBSCRIBER, other), 'chan-1')).toBeNull();
    for (let i = 0; i < token.length; i++) {
      const ch = token[i] === 'A' ? 'B' : 'A';
      const altered = token.slice(0, i) + ch + token.slice(i + 1);
      expect(await verifyChannelToken([KEY], altered, 'chan-1')).toBeNull();
    }
    expect(await verifyChannelToken([KEY], '', 'chan-1')).toBeNull();
    expect(await verifyChannelToken([KEY], `${token}x`, 'chan-1')).toBeNull();
  });

  it('still accepts a token signed with the key being rotated out', async () => {
    const old = await signChannelToken('old-key', SUBSCRIBER, 'chan-1');
    expect(await verifyChannelToken([KEY, 'old-key'], old, 'chan-1')).toBe(SUBSCRIBER);
    expect(await verifyChannelToken([KEY], old, 'chan-1')).toBeNull();
  });
});
