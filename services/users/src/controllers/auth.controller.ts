import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { loginSchema, refreshSchema, registerSchema, type LoginInput, type LoginResponse, type RegisterInput, type UserDto } from '@architech/contracts';
import { CurrentUser, Public, ZodPipe, type AuthUser } from '@architech/service-kit';
import type { z } from 'zod';
import type { Request } from 'express';
import { AuthService } from '../services/auth.service';

@Controller('api')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/register')
  async register(@Body(ZodPipe(registerSchema, 'registration')) input: RegisterInput): Promise<{ user: UserDto }> {
    return { user: await this.auth.register(input) };
  }

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  login(@Body(ZodPipe(loginSchema, 'login')) input: LoginInput, @Req() request: Request): Promise<LoginResponse> {
    return this.auth.login(input, request.ip ?? 'unknown');
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  refresh(@Body(ZodPipe(refreshSchema, 'refresh')) input: z.output<typeof refreshSchema>): Promise<LoginResponse> {
    return this.auth.refresh(input.refreshToken);
  }

  @Post('auth/logout')
  @HttpCode(204)
  async logout(@CurrentUser() user: AuthUser): Promise<void> {
    await this.auth.logout(user);
  }

  @Post('auth/logout-all')
  @HttpCode(200)
  logoutEverywhere(@CurrentUser() user: AuthUser): Promise<{ sessions: number }> {
    return this.auth.logoutEverywhere(user);
  }

  @Get('me')
  async me(@CurrentUser() user: AuthUser): Promise<{ user: UserDto }> {
    return { user: await this.auth.me(user.id) };
  }
}
