import { Component, type ErrorInfo, type ReactNode } from 'react';
import { UnexpectedError } from './ErrorDetails.tsx';

interface State {
  error: unknown;
  failed: boolean;
}

/** Last line of defence: whatever throws while rendering, the user gets words and a button, not a blank window. */
export class AppErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null, failed: false };

  static getDerivedStateFromError(error: unknown): State {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Unhandled render error', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? <UnexpectedError error={this.state.error} /> : this.props.children;
  }
}
