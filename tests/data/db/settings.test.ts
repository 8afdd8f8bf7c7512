import { describe, expect, it } from 'vitest';
import { getSetting, putSetting } from '../../../data/db/settings';
import { freshDB } from '../../fixtures/db/fresh-db';

describe('settings', () => {
  it('stores settings as given', async () => {
    const db = freshDB();
    expect(await getSetting(db, 'theme', 'light')).toBe('light');
    await putSetting(db, 'theme', { mode: 'dark', contrast: [1, 2] });
    expect(await getSetting(db, 'theme', null)).toEqual({ mode: 'dark', contrast: [1, 2] });
  });
});
