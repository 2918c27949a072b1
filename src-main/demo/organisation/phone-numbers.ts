/**
 * Phone numbers written the way each country writes them in E.164-with-spaces form, so mapping
 * rules and card templates meet realistic input (Danish pairs, Swedish area codes, US 555 numbers).
 * US numbers use the 555-0100…0199 range reserved for fiction.
 */
import type { CountryCode } from './organisation-facts'
import type { SeededRandom } from './seeded-random'

/** A mobile number for someone working in the given country. */
export function formatMobilePhone(country: CountryCode, random: SeededRandom): string {
  switch (country) {
    case 'DK':
      return `+45 ${random.pick(['2', '3', '4', '5', '6'])}${random.digits(1)} ${random.digits(2)} ${random.digits(2)} ${random.digits(2)}`
    case 'SE':
      return `+46 7${random.pick(['0', '2', '3', '6'])} ${random.digits(3)} ${random.digits(2)} ${random.digits(2)}`
    case 'NO':
      return `+47 ${random.pick(['4', '9'])}${random.digits(2)} ${random.digits(2)} ${random.digits(3)}`
    case 'NL':
      return `+31 6 ${random.integer(1, 9)}${random.digits(7)}`
    case 'US':
      return `+1 206 555 01${random.digits(2)}`
    case 'IS':
      return `+354 ${random.pick(['6', '7', '8'])}${random.digits(2)} ${random.digits(4)}`
  }
}

/** An office (landline) number for the given office city. */
export function formatBusinessPhone(country: CountryCode, city: string, random: SeededRandom): string {
  switch (country) {
    case 'DK':
      return city === 'Aarhus'
        ? `+45 8${random.integer(6, 7)} ${random.digits(2)} ${random.digits(2)} ${random.digits(2)}`
        : `+45 3${random.integer(3, 8)} ${random.digits(2)} ${random.digits(2)} ${random.digits(2)}`
    case 'SE':
      return city === 'Stockholm'
        ? `+46 8 ${random.integer(1, 9)}${random.digits(2)} ${random.digits(3)} ${random.digits(2)}`
        : `+46 31 ${random.integer(1, 9)}${random.digits(2)} ${random.digits(2)} ${random.digits(2)}`
    case 'NO':
      return city === 'Bergen'
        ? `+47 55 ${random.digits(2)} ${random.digits(2)} ${random.digits(2)}`
        : `+47 2${random.integer(1, 3)} ${random.digits(2)} ${random.digits(2)} ${random.digits(2)}`
    case 'NL':
      return `+31 20 ${random.integer(1, 9)}${random.digits(2)} ${random.digits(4)}`
    case 'US':
      return `+1 425 555 01${random.digits(2)}`
    case 'IS':
      return `+354 5${random.digits(2)} ${random.digits(4)}`
  }
}
