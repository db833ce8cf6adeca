import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  // Trap 5: the servers prefix /api is given here, outside the routes.
  app.setGlobalPrefix('api');
  await app.listen(3000);
}
bootstrap();
