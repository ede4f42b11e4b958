import { Checkbox, Flex } from 'antd';
import type { ReactNode } from 'react';

/** Above the preview table: narrow it to the rows with problems (when there are any), beside the way to pick another file. */
export function OnlyProblemsBar({
  label,
  checked,
  disabled,
  onChange,
  children,
}: {
  label: string;
  checked: boolean;
  disabled: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
}) {
  return (
    <Flex justify="space-between" align="center">
      <Checkbox checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)}>
        {label}
      </Checkbox>
      {children}
    </Flex>
  );
}
