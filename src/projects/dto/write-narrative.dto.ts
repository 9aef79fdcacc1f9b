import { Text, Year } from '../../http/validators.js';

export class WriteNarrativeDto {
  @Year('The report year this narrative is for')
  year!: number;

  @Text(
    5000,
    "The project's story for that year's report; the latest one is used",
    'Entre mi-juillet et début novembre, un bus…',
  )
  text!: string;
}
