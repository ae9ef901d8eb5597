import { ValidationError, ValidationPipe } from '@nestjs/common';
import { unprocessable } from './app-error';
import { ProblemFieldError } from './problem';

const VIETNAMESE: Record<string, (constraint: string) => string> = {
  whitelistValidation: () => 'không phải là thuộc tính được phép',
  isDefined: () => 'là bắt buộc',
  isNotEmpty: () => 'không được để trống',
  isString: () => 'phải là chuỗi ký tự',
  isEmail: () => 'phải là địa chỉ e-mail hợp lệ',
  isInt: () => 'phải là số nguyên',
  isNumber: () => 'phải là số',
  isBoolean: () => 'phải là true hoặc false',
  isUUID: () => 'phải là mã UUID hợp lệ',
  isIn: (text) => `phải là một trong các giá trị cho phép (${text.split(': ').pop()})`,
  isEnum: (text) => `phải là một trong các giá trị cho phép (${text.split(': ').pop()})`,
  min: (text) => `không được nhỏ hơn ${text.match(/-?\d+(\.\d+)?/)?.[0] ?? 'giá trị tối thiểu'}`,
  max: (text) => `không được lớn hơn ${text.match(/-?\d+(\.\d+)?/)?.[0] ?? 'giá trị tối đa'}`,
  minLength: (text) => `phải có ít nhất ${text.match(/\d+/)?.[0] ?? ''} ký tự`,
  maxLength: (text) => `không được dài quá ${text.match(/\d+/)?.[0] ?? ''} ký tự`,
  isArray: () => 'phải là một danh sách',
  arrayNotEmpty: () => 'không được là danh sách rỗng',
  isObject: () => 'phải là một đối tượng',
  isDateString: () => 'phải là ngày theo định dạng ISO 8601 (yyyy-mm-dd)',
  isISO8601: () => 'phải là ngày theo định dạng ISO 8601 (yyyy-mm-dd)',
  matches: () => 'không đúng định dạng',
};

export function flattenValidationErrors(errors: ValidationError[], prefix = ''): ProblemFieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([code, text]) => ({
      field,
      code,
      message: `${field} ${VIETNAMESE[code]?.(text) ?? text}`,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** Validates DTOs strictly (unknown properties refused) and reports each field as problem+json 422. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    exceptionFactory: (errors) => {
      const fieldErrors = flattenValidationErrors(errors);
      return unprocessable('validation_failed', `Có ${fieldErrors.length} lỗi trong dữ liệu gửi lên.`, fieldErrors);
    },
  });
}
