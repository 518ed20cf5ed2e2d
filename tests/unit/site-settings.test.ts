/**
 * The site settings file (site.yaml, src/schema/site.ts): what a valid one
 * gives, and the message a wrong one stops the build with.
 */
import { describe, expect, it } from 'vitest';
import { loadSiteSettings, parseSiteSettings } from '../../src/site/site-settings.ts';

const VALID = `
name: 法治政府建设年度报告库
sponsor: 某某市司法局
siteCode: 3101130001
contact:
  email: fzzf@example.com
`;

describe('site settings', () => {
  it('should read the fixture archive’s site.yaml', () => {
    const settings = loadSiteSettings('tests/fixtures/archive/site.yaml');
    expect(settings).toMatchObject({ name: '法治政府建设年度报告库', sponsor: '某某市司法局', siteCode: '3101130001' });
  });

  it('should accept an unquoted 网站标识码', () => {
    expect(parseSiteSettings(VALID, 'site.yaml').siteCode).toBe('3101130001');
  });

  it('should name the file and every field at fault', () => {
    const text = VALID.replace('3101130001', '12345').replace('fzzf@example.com', 'not-an-email').replace('sponsor: 某某市司法局\n', '');
    expect(() => parseSiteSettings(text, 'content/site.yaml')).toThrow(
      [
        'Invalid site settings in content/site.yaml:',
        '  - sponsor: expected the 主办单位 (sponsor)',
        '  - siteCode: expected the 10-digit 网站标识码',
        '  - contact.email: expected an email address',
      ].join('\n'),
    );
  });

  it('should reject unknown fields, so a typo does not pass silently', () => {
    expect(() => parseSiteSettings(`${VALID}icpp: 沪ICP备1号\n`, 'site.yaml')).toThrow(/site\.yaml:\n {2}- \(top level\): .*icpp/);
  });

  it('should say which file is missing', () => {
    expect(() => loadSiteSettings('/nonexistent/site.yaml')).toThrow(/Missing site settings file .*site\.yaml/);
  });

  it('should report YAML syntax errors with the file name', () => {
    expect(() => parseSiteSettings('name: [unclosed', 'content/site.yaml')).toThrow(/^Invalid YAML in content\/site\.yaml/);
  });
});
