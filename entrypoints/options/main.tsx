import { createRoot } from 'react-dom/client';
import { OptionsApp } from '../../components/options/OptionsApp';
import { createBackgroundOptionsApi } from '../../components/options/options-api';
import { downloadPack } from '../../components/options/PackList';
import { settingsItem } from '../../lib/settings';

const root = document.getElementById('root');
if (root) createRoot(root).render(<OptionsApp api={createBackgroundOptionsApi()} settings={settingsItem} download={downloadPack} />);
