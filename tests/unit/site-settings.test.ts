/**
 * The site settings file (site.yaml, src/schema/site.ts): what a valid one
 * gives, and the message a wrong one stops the build with.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSiteSettings, parseSiteSettings, siteFiles } from '../../src/site/site-settings.ts';

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

  it('should set no footer mark by default: the archive’s own site.yaml has none', () => {
    const settings = loadSiteSettings('content/site.yaml');
    expect(settings.badge).toBeUndefined();
    expect(settings.errorReport).toBeUndefined();
    expect(settings.accessibility).toBeUndefined();
    expect(siteFiles(settings)).toEqual([]);
  });

  it('should read the badge, the 找错 and the 无障碍 entries, and name the images to ship', () => {
    const settings = loadSiteSettings('tests/fixtures/archive/site.yaml');
    expect(settings.badge).toEqual({ image: 'images/dzjg.png', link: 'https://bszs.conac.cn/sitename?method=show&id=00000000000000000000000000000000' });
    expect(settings.errorReport?.link).toMatch(/^https:\/\/zfwzzc\.www\.gov\.cn\//);
    expect(settings.accessibility).toEqual({ link: 'about/' });
    expect(siteFiles(settings)).toEqual([{ field: 'badge.image', path: 'images/dzjg.png' }]);
  });

  it('should name each footer mark that is wrong: an image not in the archive, a link that is no http(s) address or path inside the site', () => {
    const text = `${VALID}badge:
  image: /etc/dzjg.png
  link: javascript:alert(1)
errorReport:
  link: http://zfwzzc.www.gov.cn/x
  image: ../jiucuo.png
accessibility:
  link: javascript:alert(1)
`;
    expect(() => parseSiteSettings(text, 'content/site.yaml')).toThrow(
      [
        'Invalid site settings in content/site.yaml:',
        '  - badge.image: expected an image file (png, jpg, gif, svg or webp) in the archive folder, as a path relative to it, e.g. images/dzjg.png',
        '  - badge.link: expected an http(s) URL',
        '  - errorReport.image: expected an image file (png, jpg, gif, svg or webp) in the archive folder, as a path relative to it, e.g. images/dzjg.png',
        '  - accessibility.link: expected an http(s) URL or a path inside the site such as about/',
      ].join('\n'),
    );
    expect(() => parseSiteSettings(`${VALID}badge:\n  link: https://bszs.conac.cn/\n`, 'site.yaml')).toThrow(/badge\.image: /);
  });

  it('should stop the build when an image site.yaml names is not in the archive folder', () => {
    const archive = mkdtempSync(join(tmpdir(), 'site-settings-'));
    try {
      mkdirSync(join(archive, 'images'));
      writeFileSync(join(archive, 'images/jiucuo.png'), 'png');
      writeFileSync(
        join(archive, 'site.yaml'),
        `${VALID}badge:\n  image: images/dzjg.png\n  link: https://bszs.conac.cn/\nerrorReport:\n  link: https://zfwzzc.www.gov.cn/\n  image: images/jiucuo.png\n`,
      );
      expect(() => loadSiteSettings(join(archive, 'site.yaml'))).toThrow(new RegExp(`^Invalid site settings in .*site\\.yaml:\\n {2}- badge\\.image: no file .*images/dzjg\\.png$`));
    } finally {
      rmSync(archive, { recursive: true, force: true });
    }
  });
});
