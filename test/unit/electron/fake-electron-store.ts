// Stands in for electron-store in the entry test: electron-store is conf plus Electron's app paths, and the
// entry always passes an explicit cwd, so conf itself behaves the same.
import Conf from 'conf';

export default class FakeElectronStore extends Conf {
  constructor(options: ConstructorParameters<typeof Conf>[0]) {
    super({ configName: 'config', ...options });
  }
}
