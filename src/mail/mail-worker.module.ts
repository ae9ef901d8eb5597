import { Module } from '@nestjs/common';
import { MailDeliverer } from './mail-deliverer';
import { MailModule } from './mail.module';
import { MailProcessor } from './mail.processor';
import { MailTransport } from './mail-transport';

/** Sends e-mail: the `mail` queue processor and the SMTP (or outbox) transport. Import only in worker roles. */
@Module({
  imports: [MailModule],
  providers: [MailTransport, MailDeliverer, MailProcessor],
})
export class MailWorkerModule {}
