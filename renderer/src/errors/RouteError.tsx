import { useRouteError } from 'react-router';
import { UnexpectedError } from './ErrorDetails.tsx';

/** Route-level boundary: a crashing page keeps the navigation around it usable. */
export function RouteError() {
  return <UnexpectedError error={useRouteError()} />;
}
