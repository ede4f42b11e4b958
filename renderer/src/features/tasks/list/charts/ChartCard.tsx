import { TableOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ChartCardProps {
  title: string;
  /** What the picture says in words, for screen readers (the table says it in full). */
  summary: string;
  chart: ReactNode;
  table: ReactNode;
  className?: string;
}

/**
 * A chart and the table of its numbers: the chart for the eye, the table for keyboards, screen
 * readers and copying into a report. The table opens under the chart.
 */
export function ChartCard({ title, summary, chart, table, className }: ChartCardProps) {
  const { t } = useTranslation('tasks');
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  return (
    <Card
      size="small"
      title={title}
      className={`ns-task-chart ${className ?? ''}`}
      extra={
        <Button
          type="link"
          size="small"
          icon={<TableOutlined />}
          aria-expanded={showTable}
          aria-controls={tableId}
          onClick={() => setShowTable((v) => !v)}
        >
          {showTable ? t('charts.hideTable') : t('charts.showTable')}
        </Button>
      }
    >
      <div role="img" aria-label={summary} className="ns-task-chart-figure">
        {chart}
      </div>
      <div id={tableId} hidden={!showTable} className="ns-task-chart-table">
        {showTable ? table : null}
      </div>
    </Card>
  );
}
