import {
  changePasswordInput,
  loginInput,
  okSchema,
  profileResponseSchema,
  refreshInput,
  signupInput,
  subscriptionTicketSchema,
  tokenResponseSchema,
  updateProfileInput,
} from '@/lib/schemas/auth';
import { issueSubscriptionTicket } from '@/server/auth/subscription-tickets';
import * as tokenApi from '@/server/auth/token-api';
import { changePassword, getProfile, updateProfile } from '@/server/users/profile';
import { z } from 'zod';
import { createTRPCRouter, protectedProcedure, publicProcedure } from '../trpc';

/** Accounts and the seed's token API. Browsers sign in through Auth.js; `register` serves their sign-up form. */
export const authRouter = createTRPCRouter({
  signup: publicProcedure
    .meta({ openapi: { method: 'POST', path: '/auth/signup', tags: ['auth'], protect: false, summary: 'Create an account and sign in' }, status: 201, errors: [409, 429] })
    .input(signupInput)
    .output(tokenResponseSchema)
    .mutation(({ ctx, input }) => tokenApi.signup({ ...ctx, input })),
  register: publicProcedure
    .input(signupInput)
    .mutation(async ({ ctx, input }) => ({ success: true as const, user: await tokenApi.register({ ...ctx, input }) })),
  login: publicProcedure
    .meta({ openapi: { method: 'POST', path: '/auth/login', tags: ['auth'], protect: false, summary: 'Sign in: a 15-minute access token and a refresh token' }, errors: [429] })
    .input(loginInput)
    .output(tokenResponseSchema)
    .mutation(({ ctx, input }) => tokenApi.login({ ...ctx, input })),
  refresh: publicProcedure
    .meta({ openapi: { method: 'POST', path: '/auth/refresh', tags: ['auth'], protect: false, summary: 'Trade a refresh token for new tokens (the old one stops working)' }, errors: [429] })
    .input(refreshInput)
    .output(tokenResponseSchema)
    .mutation(({ ctx, input }) => tokenApi.refresh({ ...ctx, refreshToken: input.refreshToken })),
  logout: protectedProcedure
    .meta({ openapi: { method: 'POST', path: '/auth/logout', tags: ['auth'], summary: 'End this sign-in' } })
    .input(z.void())
    .output(okSchema)
    .mutation(({ ctx }) => tokenApi.logout({ db: ctx.db, userId: ctx.user.id, sessionId: ctx.user.sessionId, client: ctx.client })),
  profile: protectedProcedure
    .meta({ openapi: { method: 'GET', path: '/auth/profile', tags: ['auth'], summary: 'The signed-in user' } })
    .input(z.void())
    .output(profileResponseSchema)
    .query(async ({ ctx }) => ({ success: true as const, user: await getProfile({ db: ctx.db, userId: ctx.user.id }) })),
  updateProfile: protectedProcedure
    .meta({ openapi: { method: 'PUT', path: '/auth/profile', tags: ['auth'], summary: 'Change profile and preferences' } })
    .input(updateProfileInput)
    .output(profileResponseSchema)
    .mutation(async ({ ctx, input }) => ({ success: true as const, user: await updateProfile({ db: ctx.db, userId: ctx.user.id, input }) })),
  changePassword: protectedProcedure
    .meta({ openapi: { method: 'POST', path: '/auth/change-password', tags: ['auth'], summary: 'Change the password; every other sign-in ends' } })
    .input(changePasswordInput)
    .output(z.object({ endedSessions: z.number().int() }))
    .mutation(({ ctx, input }) => changePassword({ db: ctx.db, userId: ctx.user.id, sessionId: ctx.user.sessionId, input, client: ctx.client })),
  /**
   * A ticket for one subscription request from a browser on another origin, which cannot send an
   * Authorization header with EventSource: opaque, single-use, valid about a minute.
   */
  subscriptionTicket: protectedProcedure
    .meta({ openapi: { method: 'POST', path: '/auth/subscription-ticket', tags: ['auth'], summary: 'A single-use ticket that opens one subscription (for EventSource on another origin)' } })
    .input(z.void())
    .output(subscriptionTicketSchema)
    .mutation(({ ctx }) => issueSubscriptionTicket({ user: ctx.user })),
});
