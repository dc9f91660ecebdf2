import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { loginSchema, refreshSchema, registerSchema, type LoginResponse, type UserDto } from '@architech/contracts';
import { CurrentUser, parseInput, Public, type AuthUser } from '@architech/service-kit';
import type { Request } from 'express';
import { AuthService } from '../services/auth.service';

@Controller('api')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/register')
  async register(@Body() body: unknown): Promise<{ user: UserDto }> {
    return { user: await this.auth.register(parseInput(registerSchema, body, 'registration')) };
  }

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  login(@Body() body: unknown, @Req() request: Request): Promise<LoginResponse> {
    return this.auth.login(parseInput(loginSchema, body, 'login'), request.ip ?? 'unknown');
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  refresh(@Body() body: unknown): Promise<LoginResponse> {
    return this.auth.refresh(parseInput(refreshSchema, body, 'refresh').refreshToken);
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
