import { Form, type FormProps } from '@remix-run/react';
import { forwardRef } from 'react';
import { csrfFieldName } from '../utils/csrf';
import { useCsrfToken } from '../utils/root-data';

// The hidden CSRF field (utils/csrf.server.ts checks it in every action).
export function CsrfInput() {
  return <input type="hidden" name={csrfFieldName} value={useCsrfToken()} />;
}

/**
 * Every form that posts to an action: a Remix <Form method="post"> that carries
 * the CSRF token. Works before (or without) JavaScript like any HTML form.
 */
export const ActionForm = forwardRef<HTMLFormElement, Omit<FormProps, 'method'>>(function ActionForm({ children, ...props }, ref) {
  return (
    <Form method="post" {...props} ref={ref}>
      <CsrfInput />
      {children}
    </Form>
  );
});
