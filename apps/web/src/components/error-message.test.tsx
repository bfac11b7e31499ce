// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { ApiError } from '../lib/api-client.ts';
import { initI18n } from '../lib/i18n.ts';
import { describeError } from './error-message.tsx';

initI18n('ru');

describe('describeError', () => {
  it("a wrong password is said as such, never as an expired session; the API's English stays out of Russian", async () => {
    await i18next.changeLanguage('ru');
    const wrong = describeError(
      new ApiError(401, 'wrong_credentials', 'Wrong email or password.'),
      i18next.t,
    );
    expect(wrong.text).toMatch(/Неверная эл\. почта или пароль/);
    expect(wrong.detail).toBeNull();
    const expired = describeError(new ApiError(401, 'unauthorized', 'Please sign in.'), i18next.t);
    expect(expired.text).toMatch(/Сессия закончилась/);
  });

  it("a validation error names the field in the reader's language", async () => {
    await i18next.changeLanguage('ru');
    const ru = describeError(new ApiError(400, 'bad_request', 'Field callType: …', 'callType'), i18next.t);
    expect(ru).toEqual({ text: expect.stringContaining('«Тип звонка»'), detail: null });
    await i18next.changeLanguage('en');
    const en = describeError(new ApiError(400, 'bad_request', 'Field callType: …', 'callType'), i18next.t);
    expect(en.text).toContain('“Call type”');
    expect(en.detail).toBe('Field callType: …'); // English readers may see the API's own words
    await i18next.changeLanguage('ru');
  });
});
