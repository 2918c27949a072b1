/** Electron entry point (electron-vite's main input): everything starts in app/bootstrap. */
import { bootstrap } from './app/bootstrap'

bootstrap()
