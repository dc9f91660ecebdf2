import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { loginSchema, registerSchema, type LoginResponse, type UserDto } from '@architech/contracts';
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

  @Get('me')
  async me(@CurrentUser() user: AuthUser): Promise<{ user: UserDto }> {
    return { user: await this.auth.me(user.id) };
  }
}
