// Settings: validated, defaults filled in field by field, endpoints overridable at run time.
import { describe, expect, it } from 'vitest';
import {
  applySettingsPatch,
  defaultSettings,
  effectiveEndpoints,
  originsOf,
  parseStoredSettings,
  settingsPatchSchema,
} from '../../extension/platform/settings';
import { BUILD } from './helpers/background-harness';

const defaults = defaultSettings(BUILD);

describe('settings', () => {
  it('falls back to defaults for a missing or broken stored value, field by field', () => {
    expect(parseStoredSettings(undefined, defaults)).toEqual(defaults);
    const partly = parseStoredSettings(
      { safetyPollMinutes: 5, syncWindow: { backDays: -3 } },
      defaults,
    );
    expect(partly).toEqual({ ...defaults, safetyPollMinutes: 5 });
    // Keys that name Object.prototype's members are just unknown keys (they threw before, and
    // then neither the new tab nor the options page could read or save settings).
    const odd = JSON.parse(
      '{"constructor": 1, "toString": "x", "__proto__": {"a": 1}, "safetyPollMinutes": "soon"}',
    );
    expect(parseStoredSettings(odd, defaults)).toEqual(defaults);
  });

  it('reads a value stored before "show completed tasks" existed: off, the rest kept', () => {
    const { showCompletedTasks: _new, ...older } = { ...defaults, safetyPollMinutes: 5 };
    expect(parseStoredSettings(older, defaults)).toEqual({
      ...defaults,
      safetyPollMinutes: 5,
      showCompletedTasks: false,
    });
    expect(applySettingsPatch(defaults, { showCompletedTasks: true }).showCompletedTasks).toBe(
      true,
    );
  });

  it('applies a patch and refuses an invalid one', () => {
    expect(applySettingsPatch(defaults, { conflictPolicy: 'newest-wins' }).conflictPolicy).toBe(
      'newest-wins',
    );
    expect(() => applySettingsPatch(defaults, { safetyPollMinutes: 0 })).toThrow();
  });

  it('overrides build-time endpoints and names the hosts to request', () => {
    const settings = applySettingsPatch(defaults, {
      advanced: {
        googleApiBase: 'http://127.0.0.1:8790/',
        googleTokenUrl: 'http://127.0.0.1:8790/token',
      },
    });
    const endpoints = effectiveEndpoints(BUILD, settings);
    expect(endpoints.googleApiBase).toBe('http://127.0.0.1:8790');
    expect(endpoints.googleRevokeUrl).toBe('http://127.0.0.1:8790/revoke');
    expect(endpoints.googleAuthUrl).toBe(BUILD.googleAuthUrl);
    expect(originsOf(settings.advanced)).toEqual(['http://127.0.0.1/*']);
  });

  it('refuses a base URL that the paths Almanac appends would break, saying why', () => {
    const refusal = (patch: Parameters<typeof settingsPatchSchema.parse>[0]) => {
      const parsed = settingsPatchSchema.safeParse(patch);
      return parsed.success ? undefined : parsed.error.issues.map((i) => i.message).join('; ');
    };
    // (/v1/subscribers would land in the query, in the fragment, or after a second /v1.)
    expect(refusal({ relayUrl: 'https://relay.example.com/?key=1' })).toMatch(/query/);
    expect(refusal({ relayUrl: 'https://relay.example.com/#x' })).toMatch(/fragment/);
    expect(refusal({ relayUrl: 'https://me:pw@relay.example.com' })).toMatch(/password/);
    expect(refusal({ relayUrl: 'https://relay.example.com/v1/' })).toMatch(/leave out \/v1/);
    expect(
      refusal({ advanced: { googleApiBase: 'https://www.googleapis.com/calendar/v3' } }),
    ).toMatch(/leave out \/calendar\/v3/);
    expect(refusal({ relayUrl: 'https://relay.example.com/' })).toBeUndefined();
    expect(refusal({ relayUrl: '' })).toBeUndefined();
  });

  it('keeps Todoist’s own sign-in when the API base typed in is the real one', () => {
    const real = applySettingsPatch(defaults, {
      advanced: { todoistApiBase: BUILD.todoistApiBase },
    });
    expect(effectiveEndpoints(BUILD, real).todoistAuthUrl).toBe(BUILD.todoistAuthUrl);
    const emulator = applySettingsPatch(defaults, {
      advanced: { todoistApiBase: 'http://127.0.0.1:8791' },
    });
    expect(effectiveEndpoints(BUILD, emulator).todoistAuthUrl).toBe(
      'http://127.0.0.1:8791/oauth/authorize',
    );
  });
});
