import { changePasswordInput, loginInput, refreshInput, signupInput, updateProfileInput } from '@/lib/schemas/auth';
import * as tokenApi from '@/server/auth/token-api';
import { changePassword, getProfile, updateProfile } from '@/server/users/profile';
import { createTRPCRouter, protectedProcedure, publicProcedure } from '../trpc';

/** Accounts and the seed's token API. Browsers sign in through Auth.js; `register` serves their sign-up form. */
export const authRouter = createTRPCRouter({
  signup: publicProcedure.input(signupInput).mutation(({ ctx, input }) => tokenApi.signup({ ...ctx, input })),
  register: publicProcedure
    .input(signupInput)
    .mutation(async ({ ctx, input }) => ({ success: true as const, user: await tokenApi.register({ ...ctx, input }) })),
  login: publicProcedure.input(loginInput).mutation(({ ctx, input }) => tokenApi.login({ ...ctx, input })),
  refresh: publicProcedure.input(refreshInput).mutation(({ ctx, input }) => tokenApi.refresh({ ...ctx, refreshToken: input.refreshToken })),
  logout: protectedProcedure.mutation(({ ctx }) =>
    tokenApi.logout({ db: ctx.db, userId: ctx.user.id, sessionId: ctx.user.sessionId, client: ctx.client }),
  ),
  profile: protectedProcedure.query(({ ctx }) => getProfile({ db: ctx.db, userId: ctx.user.id })),
  updateProfile: protectedProcedure
    .input(updateProfileInput)
    .mutation(({ ctx, input }) => updateProfile({ db: ctx.db, userId: ctx.user.id, input })),
  changePassword: protectedProcedure
    .input(changePasswordInput)
    .mutation(({ ctx, input }) =>
      changePassword({ db: ctx.db, userId: ctx.user.id, sessionId: ctx.user.sessionId, input, client: ctx.client }),
    ),
});
