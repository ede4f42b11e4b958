import { BulbOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Input, Spin, Typography, type InputRef } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { Page } from '../../shell/Page.tsx';
import { SearchHitCard } from './search/SearchHitCard.tsx';
import { FOCUS_SEARCH_EVENT } from './search/useSearchShortcut.ts';
import { CardTitle } from './shared/CardTitle.tsx';
import { errorText } from '../../common/errors.ts';
import { useCoreData } from '../../bridge/useCoreData.ts';
import './documents.css';

/** The lists here change when documents do. */
const DOCUMENTS = ['documents'] as const;

const FIRST_PAGE = 20;
const MOST = 100;

/** Before anything is imported there is nothing to find: say so, and where documents come from. */
function EmptyLibrary() {
  const { t } = useTranslation('documents');
  const bridge = useBridge();
  const navigate = useNavigate();
  const load = useCallback(() => bridge.invoke('documents.list', { limit: 1 }), [bridge]);
  const { state } = useCoreData(load, DOCUMENTS);
  if (state.data?.total !== 0) return null;
  return (
    <Card size="small" className="ns-doc-card">
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <Flex vertical>
            <Typography.Text strong>{t('search.emptyLibrary')}</Typography.Text>
            <Typography.Text type="secondary">{t('search.emptyLibraryHint')}</Typography.Text>
          </Flex>
        }
      >
        <Button type="primary" onClick={() => void navigate('/documents')}>
          {t('search.toLibrary')}
        </Button>
      </Empty>
    </Card>
  );
}

function SearchTips() {
  const { t } = useTranslation('documents');
  const tips = ['noAccents', 'dStroke', 'caps', 'phrases', 'shortcut'] as const;
  return (
    <Card size="small" title={<CardTitle>{t('search.tipsTitle')}</CardTitle>} className="ns-doc-card ns-search-tips">
      <ul>
        {tips.map((tip) => (
          <li key={tip}>
            <BulbOutlined aria-hidden className="ns-search-tip-icon" /> {t(`search.tips.${tip}`)}
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** Full-text search over every document's metadata and pages; the query lives in the address (`?q=`). */
export function SearchPage() {
  const { t } = useTranslation('documents');
  const bridge = useBridge();
  const [params, setParams] = useSearchParams();
  const query = (params.get('q') ?? '').trim();
  const [text, setText] = useState(query);
  const [shownFor, setShownFor] = useState(query);
  // "Show more" counts for the query it was pressed on; a new query starts from the first results.
  const [extra, setExtra] = useState({ query, limit: FIRST_PAGE });
  const limit = extra.query === query ? extra.limit : FIRST_PAGE;
  const input = useRef<InputRef>(null);

  // Back and forward change the address under the box: show the query the results are for.
  if (shownFor !== query) {
    setShownFor(query);
    setText(query);
  }

  useEffect(() => {
    // After the shell has moved focus to the heading on navigation: typing should land in the box.
    const timer = setTimeout(() => input.current?.focus(), 0);
    const focus = () => input.current?.focus({ cursor: 'all' });
    window.addEventListener(FOCUS_SEARCH_EVENT, focus);
    return () => {
      clearTimeout(timer);
      window.removeEventListener(FOCUS_SEARCH_EVENT, focus);
    };
  }, []);

  const load = useCallback(
    async () => (query ? { query, found: await bridge.invoke('documents.search', { query, limit, pagesPerDocument: 3 }) } : null),
    [bridge, query, limit],
  );
  const { state, reload } = useCoreData(load, DOCUMENTS);

  function submit(value: string): void {
    const next = value.trim();
    if (next === query) reload();
    else setParams(next ? { q: next } : {});
  }

  // Until the new answer arrives the previous one stays on screen, named by the query it answers.
  const answered = state.data ?? null;
  const result = answered?.found;
  let body;
  if (!query) {
    body = (
      <Flex vertical gap={12}>
        <EmptyLibrary />
        <SearchTips />
      </Flex>
    );
  } else if (state.status === 'failed' && !result) {
    body = (
      <Alert
        type="error"
        showIcon
        title={t('search.failed', { message: errorText(state.error) })}
        action={
          <Button icon={<ReloadOutlined />} onClick={reload}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  } else if (!result) {
    body = (
      <Flex justify="center" className="ns-doc-loading">
        <Spin />
      </Flex>
    );
  } else if (result.hits.length === 0) {
    body = (
      <Card size="small">
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            <Flex vertical>
              <Typography.Text strong>{t('search.noResults', { query: answered?.query })}</Typography.Text>
              <Typography.Text type="secondary">{t('search.noResultsHint')}</Typography.Text>
            </Flex>
          }
        />
      </Card>
    );
  } else {
    body = (
      <section aria-label={t('search.resultsLabel')}>
        <ol className="ns-search-results">
          {result.hits.map((hit) => (
            <li key={hit.document.id}>
              <SearchHitCard hit={hit} />
            </li>
          ))}
        </ol>
        {result.more && limit < MOST ? (
          <Flex justify="center">
            <Button onClick={() => setExtra({ query, limit: Math.min(MOST, limit + FIRST_PAGE) })} loading={state.status === 'loading'}>
              {t('search.more')}
            </Button>
          </Flex>
        ) : null}
        {result.more && limit >= MOST ? (
          <Typography.Paragraph type="secondary" className="ns-search-narrow">
            {t('search.narrow', { count: MOST })}
          </Typography.Paragraph>
        ) : null}
      </section>
    );
  }

  const count = result?.hits.length ?? 0;
  return (
    <Page title={t('search.title')} intro={t('search.intro')}>
      <Input.Search
        ref={input}
        size="large"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={submit}
        enterButton={t('search.button')}
        allowClear
        maxLength={200}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        className="ns-search-box"
        loading={query !== '' && state.status === 'loading'}
      />
      <Typography.Paragraph role="status" className="ns-search-status">
        {query && answered && result && count > 0
          ? t(result.more ? 'search.foundMore' : 'search.found', { count, query: answered.query })
          : null}
      </Typography.Paragraph>
      {body}
    </Page>
  );
}
