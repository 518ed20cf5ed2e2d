/**
 * The schema of the site settings file, `<ARCHIVE_DIR>/site.yaml`: the items a
 * government site shows in its footer and in its `<meta>` tags.
 */
import { z } from 'astro/zod';

const optionalText = z.string().trim().min(1).optional();
const requiredText = (message: string) => z.string({ error: message }).trim().min(1, { message });

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
