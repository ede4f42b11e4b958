import { ArrowLeftOutlined } from '@ant-design/icons';
import { Anchor, Button, Card, Col, Row, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { Page } from '../../shell/Page.tsx';
import { helpTopics, isHelpTopic } from './helpTopics.ts';
import './help.css';

const anchorId = (topic: string) => `huong-dan-${topic}`;

/** The guide: every topic on one page, the one F1 asked for scrolled into view and outlined. */
export function HelpPage() {
  const { t } = useTranslation('help');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const asked = params.get('topic');
  const focus = isHelpTopic(asked) ? asked : null;

  useEffect(() => {
    if (!focus) return;
    // After the shell has moved focus to the page heading (which scrolls to the top) on navigation.
    const frame = requestAnimationFrame(() => document.getElementById(anchorId(focus))?.scrollIntoView({ block: 'start' }));
    return () => cancelAnimationFrame(frame);
  }, [focus]);

  return (
    <Page title={t('title')} intro={t('intro')}>
      <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)} className="ns-help-back">
        {t('back')}
      </Button>
      <Row gutter={24} wrap={false}>
        <Col flex="auto">
          {helpTopics.map((topic) => {
            const steps = t(`topics.${topic}.steps`, { returnObjects: true }) as string[];
            return (
              <Card
                key={topic}
                id={anchorId(topic)}
                role="region"
                aria-labelledby={`${anchorId(topic)}-title`}
                className={topic === focus ? 'ns-help-topic ns-help-topic-focus' : 'ns-help-topic'}
              >
                <Typography.Title level={2} id={`${anchorId(topic)}-title`} className="ns-help-title">
                  {t(`topics.${topic}.title`)}
                </Typography.Title>
                <Typography.Paragraph>{t(`topics.${topic}.lead`)}</Typography.Paragraph>
                <ol className="ns-help-steps">
                  {steps.map((step) => (
                    <li key={step}>{step}</li>
                  ))}
                </ol>
              </Card>
            );
          })}
        </Col>
        <Col flex="220px">
          <nav aria-label={t('contents')}>
            <Typography.Text strong>{t('contents')}</Typography.Text>
            <Anchor
              affix={false}
              getContainer={() => document.getElementById('main-content') ?? window}
              items={helpTopics.map((topic) => ({ key: topic, href: `#${anchorId(topic)}`, title: t(`topics.${topic}.title`) }))}
              onClick={(event, link) => {
                event.preventDefault();
                document.getElementById(link.href.slice(1))?.scrollIntoView({ behavior: 'smooth', block: 'start' });
              }}
            />
          </nav>
        </Col>
      </Row>
    </Page>
  );
}
