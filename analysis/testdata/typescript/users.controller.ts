// NestJS: HttpStatus constants, HttpException, and the status decorators.
import { Controller, Get, HttpCode, HttpException, HttpStatus, Redirect, Res } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { Response } from 'express';

@Controller('users')
export class UsersController {
  @Get(':id')
  @HttpCode(HttpStatus.OK) // codes: 200/send
  @ApiResponse({ status: 404, description: 'Not Found' }) // codes: 404/send want "prefer-constant: HttpStatus.NOT_FOUND"
  @ApiResponse({ status: HttpStatus.FORBIDDEN, description: 'Unauthorized' }) // codes: 403/send want "reason-mismatch: 401 Unauthorized"
  async findOne(id: string): Promise<User> {
    const user = await this.users.find(id);
    if (!user) {
      throw new HttpException('Not Found', HttpStatus.NOT_FOUND); // codes: 404/send
    }
    if (user.locked) {
      throw new HttpException('Locked', 423); // codes: 423/send want "prefer-constant: write HttpStatus.LOCKED"
    }
    if (user.moved) {
      throw new HttpException('moved', HttpStatus.MOVED_PERMANENTLY); // codes: 301/send want "error-status: HttpException with 301"
    }
    throw new HttpException({ reason: 'teapot' }, HttpStatus.I_AM_A_TEAPOT); // codes: 418/send want "deprecated-status: 418"
  }

  @Post()
  @HttpCode(204) // codes: 204/send want "prefer-constant: write HttpStatus.NO_CONTENT"
  create(@Body() dto: CreateUserDto, @Res() res: Response): void {
    if (dto.id) return res.status(HttpStatus.CREATED).json(dto); // codes: 201/send
    res.status(499).send(); // codes: 499/send want "nonstandard-status: nginx"
  }

  @Get('docs')
  @Redirect('https://docs.nestjs.com', 302) // codes: 302/send want "prefer-constant: write HttpStatus.FOUND"
  docs() {}

  @Get('old')
  @Redirect('https://docs.nestjs.com', HttpStatus.OK) // codes: 200/send want "redirect-status: @Redirect with 200 OK"
  old() {}
}

// A subclass names its own status; HttpCode as a plain function is not a decorator.
export class ConflictError extends HttpException {}
const HttpCode2 = HttpCode(5);
const timeoutMs: number = 5000;
