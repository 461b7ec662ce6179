import { describe, expect, it } from 'vitest';
import { utf8 } from '../../../relay/bytes';
import { verifyTodoistSignature } from '../../../relay/todoist-signature';
import { todoistSignature } from '../../emulators/todoist/webhooks';

const SECRET = 'todoist-client-secret';
const BODY = '{"event_name":"item:added","user_id":"1","event_data":{"id":"a"}}';

describe('Todoist webhook signature', () => {
  it('accepts the emulator’s signature of the raw body', async () => {
    const signature = await todoistSignature(BODY, SECRET);
    expect(await verifyTodoistSignature([SECRET], utf8(BODY), signature)).toBe(true);
  });

  it('refuses another secret, another body, and non-signatures', async () => {
    const signature = await todoistSignature(BODY, SECRET);
    expect(await verifyTodoistSignature(['other'], utf8(BODY), signature)).toBe(false);
    expect(await verifyTodoistSignature([SECRET], utf8(`${BODY} `), signature)).toBe(false);
    // Same JSON, different bytes: the MAC covers bytes, not meaning.
    const reformatted = JSON.stringify(JSON.parse(BODY), null, 1);
    expect(await verifyTodoistSignature([SECRET], utf8(reformatted), signature)).toBe(false);
    for (const bad of ['', 'not base64!', 'AAAA', signature.slice(0, -4)]) {
      expect(await verifyTodoistSignature([SECRET], utf8(BODY), bad)).toBe(false);
    }
  });

  it('accepts the previous client secret while it is being rotated out', async () => {
    const signature = await todoistSignature(BODY, 'old-secret');
    expect(await verifyTodoistSignature([SECRET, 'old-secret'], utf8(BODY), signature)).toBe(true);
  });
});
