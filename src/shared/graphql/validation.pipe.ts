import { ValidationPipe } from '@nestjs/common';
import { badUserInput, validationProblems } from './graphql-errors';

/** class-validator on every input; a failure names each bad field under BAD_USER_INPUT. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    exceptionFactory: (errors) => badUserInput(validationProblems(errors)),
  });
}
