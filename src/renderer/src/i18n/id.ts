import type { Strings } from './en';

export const id: Strings = {
  app: { name: 'RVM Control Room', tagline: 'Kendali langsung mesin RVM Anda' },
  nav: { overview: 'Ringkasan', label: 'Tampilan' },
  theme: { dark: 'Gelap', light: 'Terang', toggle: 'Ganti ke tema {{theme}}' },
  language: { label: 'Bahasa' },
  connection: {
    connecting: 'Menghubungkan…',
    live: 'Langsung',
    reconnecting: 'Menyambung ulang',
    reconnectingIn: 'Menyambung ulang dalam {{seconds}} dtk',
    offline: 'Luring sejak {{time}}',
    'public-only': 'Langsung hanya di kanal publik',
    'signed-out': 'Belum masuk',
    hubLost: 'Kontak dengan hub terputus; mencoba lagi…',
    hubUnauthorised: 'Hub menolak halaman ini: buka alamat yang dicetak hub, beserta tokennya.',
    fix: 'Perbaikan di server',
    dataAge: 'Data per {{time}}',
  },
  about: {
    title: 'Instalasi ini',
    name: 'Aplikasi',
    version: 'Versi',
    platform: 'Platform',
    runtime: 'Berjalan sebagai',
    runtimeElectron: 'Aplikasi desktop',
    runtimeHub: 'Hub (di peramban)',
    dataDir: 'Folder data',
    loading: 'Memuat…',
    failed: 'Tidak dapat membaca rincian instalasi: {{message}}',
  },
};
