/**
 * The schema of the site settings file, `<ARCHIVE_DIR>/site.yaml`: the items a
 * government site shows in its footer and in its `<meta>` tags.
 */
import { z } from 'astro/zod';

const optionalText = z.string().trim().min(1).optional();
const requiredText = (message: string) => z.string({ error: message }).trim().min(1, { message });

/** An http(s) address on another site. */
const webLink = z.url({ protocol: /^https?$/, message: 'expected an http(s) URL' });

/** An http(s) address, or a page of this site written as its path inside the site (`about/`, `cite/#s1`). */
const siteOrWebLink = z.union([webLink, z.string().regex(/^(?![a-z][a-z0-9+.-]*:|\/|\\)[^\s]+$/i)], {
  error: 'expected an http(s) URL or a path inside the site such as about/',
});

/**
 * An image file inside the archive folder, as a relative path (`images/dzjg.png`); the
 * build publishes it at `site-files/<path>`, so nothing is loaded from another site.
 */
export const SITE_IMAGE = /^(?![\\/])(?!.*(?:^|[\\/])\.\.?(?:[\\/]|$))[^\\:*?"<>|\s]+\.(?:png|jpe?g|gif|svg|webp)$/i;
const siteImage = z.string().trim().regex(SITE_IMAGE, {
  message: 'expected an image file (png, jpg, gif, svg or webp) in the archive folder, as a path relative to it, e.g. images/dzjg.png',
});

/** A footer entry: where it leads and, optionally, the image it shows instead of its words. */
const footerLink = z.object({ link: siteOrWebLink, image: siteImage.optional() }, { error: 'expected link (and optionally image)' }).strict();

export const siteSchema = z
  .object({
    /** The site's name, shown in the header and the `<title>`. */
    name: requiredText('expected the site name'),
    /** One sentence on what the site is, for `<meta name="description">` (default: none). */
    description: optionalText,
    /** 主办单位: the body that runs the site. */
    sponsor: requiredText('expected the 主办单位 (sponsor)'),
    /** 承办单位, where there is one. */
    operator: optionalText,
    /** 网站标识码: ten digits, the first six the portal's region code. */
    siteCode: z
      .preprocess((value) => (typeof value === 'number' ? String(value) : value), z.string().regex(/^\d{10}$/, { message: 'expected the 10-digit 网站标识码' }))
      .optional(),
    /** ICP 备案号, e.g. 沪ICP备12345678号-1. */
    icp: optionalText,
    /** 公安备案号, e.g. 沪公网安备31011302000001号. */
    psb: optionalText,
    /**
     * 党政机关网站标识 (the red badge that 中央编办's 开办单位 registration issues):
     * the badge image, shipped with the site, and the registration page it
     * links to (default: none).
     */
    badge: z.object({ image: siteImage, link: webLink }, { error: 'expected image and link' }).strict().optional(),
    /** 政府网站找错: the address of the site's entry on the 找错 platform; an image is optional (default: none). */
    errorReport: footerLink.optional(),
    /** 无障碍: an accessibility entry (a page of this site or another address); an image is optional (default: none). */
    accessibility: footerLink.optional(),
    /** Contact, shown in the footer; at least one way. */
    contact: z
      .object(
        {
          email: z.email({ message: 'expected an email address' }).optional(),
          phone: optionalText,
          address: optionalText,
        },
        { error: 'expected contact with at least one of email, phone, address' },
      )
      .strict()
      .refine((c) => c.email || c.phone || c.address, { message: 'expected at least one of email, phone, address' }),
  })
  .strict();

export type SiteSettings = z.infer<typeof siteSchema>;
