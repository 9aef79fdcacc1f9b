import { Module } from '@nestjs/common';
import { RegisterMdeHandler } from './mde.handlers.js';
import { MdeRegistryReader } from './mde-registry.reader.js';
import { RegisteredMdes } from './registered-mdes.js';

/** The registry of MDEs (docs/domain.md): the MDEs projects and tokens may name. */
@Module({
  providers: [RegisterMdeHandler, MdeRegistryReader, RegisteredMdes],
  exports: [RegisteredMdes, MdeRegistryReader],
})
export class MdesModule {}
