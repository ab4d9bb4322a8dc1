import { createRoot } from 'react-dom/client';
import { createBrowserPopupApi } from '../../components/popup/browser-popup-api';
import { Popup } from '../../components/popup/Popup';

// `?entity=ID` opens on an entity (the background's fallback when it cannot open the popup itself),
// `?q=QUERY` on a search.
const params = new URLSearchParams(location.search);
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(<Popup api={createBrowserPopupApi()} initialEntityId={params.get('entity')} initialQuery={params.get('q') ?? ''} />);
}
