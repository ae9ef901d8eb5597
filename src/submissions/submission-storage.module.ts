import { Module } from '@nestjs/common';
import { SubmissionStorage } from './submission-storage.repository';

/** Submission storage on its own, for the modules that read versions and rows without the submissions use cases. */
@Module({ providers: [SubmissionStorage], exports: [SubmissionStorage] })
export class SubmissionStorageModule {}
