// Indonesian machine names and addresses, built combinatorially so any fleet size gets distinct names.
import type { SeededRandom } from './seeded-random';

interface City {
  readonly name: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly areas: readonly string[];
}

const CITIES: readonly City[] = [
  { name: 'Jakarta Selatan', latitude: -6.261, longitude: 106.81, areas: ['Pasar Minggu', 'Blok M', 'Kemang', 'Tebet', 'Kebayoran Baru', 'Cilandak', 'Pancoran', 'Mampang'] },
  { name: 'Bandung', latitude: -6.917, longitude: 107.619, areas: ['Dago', 'Cihampelas', 'Braga', 'Buah Batu', 'Antapani', 'Setiabudi', 'Pasteur'] },
  { name: 'Surabaya', latitude: -7.257, longitude: 112.752, areas: ['Gubeng', 'Darmo', 'Tunjungan', 'Rungkut', 'Wonokromo', 'Kenjeran', 'Genteng'] },
  { name: 'Yogyakarta', latitude: -7.797, longitude: 110.37, areas: ['Malioboro', 'Kotabaru', 'Prawirotaman', 'Gondokusuman', 'Kotagede', 'Jetis'] },
  { name: 'Jakarta Pusat', latitude: -6.186, longitude: 106.834, areas: ['Gambir', 'Senen', 'Menteng', 'Tanah Abang', 'Cikini', 'Kemayoran'] },
  { name: 'Semarang', latitude: -6.967, longitude: 110.417, areas: ['Simpang Lima', 'Tembalang', 'Banyumanik', 'Candisari', 'Gajahmungkur'] },
  { name: 'Jakarta Timur', latitude: -6.225, longitude: 106.9, areas: ['Rawamangun', 'Jatinegara', 'Cakung', 'Cibubur', 'Kramat Jati', 'Duren Sawit'] },
  { name: 'Medan', latitude: 3.595, longitude: 98.672, areas: ['Kesawan', 'Petisah', 'Helvetia', 'Medan Baru', 'Polonia'] },
  { name: 'Denpasar', latitude: -8.65, longitude: 115.216, areas: ['Renon', 'Sanur', 'Sesetan', 'Panjer', 'Kesiman'] },
  { name: 'Jakarta Barat', latitude: -6.168, longitude: 106.759, areas: ['Kebon Jeruk', 'Grogol', 'Palmerah', 'Cengkareng', 'Kembangan'] },
  { name: 'Makassar', latitude: -5.147, longitude: 119.432, areas: ['Losari', 'Panakkukang', 'Tamalanrea', 'Mariso', 'Rappocini'] },
  { name: 'Malang', latitude: -7.983, longitude: 112.621, areas: ['Klojen', 'Lowokwaru', 'Sukun', 'Blimbing', 'Kedungkandang'] },
  { name: 'Jakarta Utara', latitude: -6.138, longitude: 106.863, areas: ['Kelapa Gading', 'Sunter', 'Pluit', 'Tanjung Priok', 'Koja'] },
  { name: 'Bogor', latitude: -6.595, longitude: 106.816, areas: ['Baranangsiang', 'Tanah Sareal', 'Bogor Tengah', 'Sindang Barang'] },
  { name: 'Palembang', latitude: -2.976, longitude: 104.775, areas: ['Ilir Barat', 'Seberang Ulu', 'Sako', 'Kemuning'] },
  { name: 'Surakarta', latitude: -7.575, longitude: 110.824, areas: ['Laweyan', 'Banjarsari', 'Jebres', 'Pasar Kliwon'] },
];

/** Kinds of site a machine stands at; '' names the area itself ("RVM Pasar Minggu"). */
const SITES: readonly string[] = [
  '', 'Stasiun', 'Pasar', 'Terminal', 'Taman', 'Mall', 'Kampus', 'Alun-Alun', 'Puskesmas', 'Kantor Kecamatan',
  'Masjid Raya', 'Sekolah', 'Plaza', 'Gelanggang Olahraga', 'Perumahan', 'Rusunawa', 'Kantor Pos', 'Rumah Sakit',
];

const STREETS: readonly string[] = [
  'Jenderal Sudirman', 'M.H. Thamrin', 'Gatot Subroto', 'Diponegoro', 'Ahmad Yani', 'Pahlawan', 'Merdeka',
  'Asia Afrika', 'Gajah Mada', 'Hayam Wuruk', 'Kartini', 'Pemuda', 'Veteran', 'Imam Bonjol', 'Pangeran Antasari',
  'Teuku Umar', 'Cut Nyak Dien', 'Raya Pos', 'Sisingamangaraja', 'Dr. Sutomo', 'Ki Hajar Dewantara', 'Pattimura',
];

interface Spot {
  readonly label: string;
  readonly area: string;
  readonly city: City;
}

/**
 * Every site with every area, site by site, taking areas from the cities in turn so that a
 * small fleet already spans the country. Pairs like "Pasar Pasar Minggu" are left out.
 */
const SPOTS: readonly Spot[] = (() => {
  const longest = Math.max(...CITIES.map((city) => city.areas.length));
  const areas: { area: string; city: City }[] = [];
  for (let i = 0; i < longest; i++) {
    for (const city of CITIES) {
      const area = city.areas[i];
      if (area !== undefined) areas.push({ area, city });
    }
  }
  return SITES.flatMap((site) =>
    areas
      .filter(({ area }) => site === '' || !area.startsWith(`${site} `))
      .map(({ area, city }) => ({ label: site === '' ? area : `${site} ${area}`, area, city })),
  );
})();

export interface Place {
  readonly name: string;
  readonly location: string;
  readonly city: string;
  readonly latitude: number;
  readonly longitude: number;
}

/** The place of the machine at fleet position `index` (0-based). Names are distinct for any index. */
export function placeFor(index: number, random: SeededRandom): Place {
  const spot = SPOTS[index % SPOTS.length] as Spot;
  const round = Math.floor(index / SPOTS.length);
  const name = round === 0 ? `RVM ${spot.label}` : `RVM ${spot.label} ${round + 1}`;
  const street = random.pick(STREETS);
  return {
    name,
    location: `Jl. ${street} No. ${random.int(1, 250)}, ${spot.area}, ${spot.city.name}`,
    city: spot.city.name,
    latitude: Number((spot.city.latitude + (random.next() - 0.5) * 0.1).toFixed(6)),
    longitude: Number((spot.city.longitude + (random.next() - 0.5) * 0.1).toFixed(6)),
  };
}
