import { z } from 'zod';
import { passwordSchema } from '../auth/password.ts';
import { roles } from '@core/staff/roles.ts';

const roleField = z.enum(roles, { errorMap: () => ({ message: `must be one of: ${roles.join(', ')}` }) });

export const userFieldLabels: Record<string, string> = {
  email: 'Email address',
  name: 'Name',
  role: 'Role',
  passwordMode: 'Password',
  password: 'New password',
  current: 'Current password',
  confirm: 'Repeat the new password',
};

export const createUserSchema = z
  .object({
    email: z
      .string()
      .trim()
      .min(1, 'is required')
      .max(254, 'must be at most 254 characters')
      .email('must be an email address like name@example.com'),
    name: z.string().trim().max(100, 'must be at most 100 characters').default(''),
    role: roleField,
    passwordMode: z.enum(['generate', 'set'], { errorMap: () => ({ message: 'choose whether to generate or set a password' }) }).default('generate'),
    password: z.string().max(200, 'must be at most 200 characters').default(''),
  })
  .superRefine((v, ctx) => {
    if (v.passwordMode !== 'set') return;
    const checked = passwordSchema.safeParse(v.password);
    if (!checked.success) ctx.addIssue({ code: 'custom', path: ['password'], message: checked.error.issues[0]?.message ?? 'is not valid' });
  });

export const updateUserSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
  role: roleField,
});

export const resetPasswordSchema = z
  .object({
    passwordMode: z.enum(['generate', 'set']).default('generate'),
    password: z.string().max(200, 'must be at most 200 characters').default(''),
  })
  .superRefine((v, ctx) => {
    if (v.passwordMode !== 'set') return;
    const checked = passwordSchema.safeParse(v.password);
    if (!checked.success) ctx.addIssue({ code: 'custom', path: ['password'], message: checked.error.issues[0]?.message ?? 'is not valid' });
  });

export const changeOwnPasswordSchema = z
  .object({
    current: z.string().min(1, 'is required').max(200, 'must be at most 200 characters'),
    password: passwordSchema,
    confirm: z.string().max(200, 'must be at most 200 characters'),
  })
  .superRefine((v, ctx) => {
    if (v.password !== v.confirm) ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'does not match the new password' });
  });

export const userListSchema = z.object({
  q: z.string().trim().max(100, 'must be at most 100 characters').optional().catch(undefined),
  role: roleField.optional().catch(undefined),
  status: z.enum(['active', 'disabled']).optional().catch(undefined),
});
