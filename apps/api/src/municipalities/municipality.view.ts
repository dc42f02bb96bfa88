import { ApiProperty } from '@nestjs/swagger';
import { LOCAL_GOVERNMENT_KINDS, type LocalGovernment } from '@l10k/rules';

/** A local government as every screen and export names it: 久慈市 beside 032077. */
export class MunicipalityView {
  @ApiProperty({ example: '032077', description: '全国地方公共団体コード, 6 digits with the check digit' })
  code: string;
  @ApiProperty({ example: '久慈市', description: 'A designated-city ward carries its city: 札幌市中央区' })
  name: string;
  @ApiProperty({ example: 'くじし', description: 'Reading in hiragana' }) kana: string;
  @ApiProperty({ example: '岩手県', description: 'The prefecture; a prefecture names itself' })
  prefecture: string;
  @ApiProperty({ example: '030007' }) prefectureCode: string;
  @ApiProperty({
    enum: LOCAL_GOVERNMENT_KINDS,
    example: 'city',
    description: 'ward: a Tokyo special ward or a designated-city ward',
  })
  kind: string;
}

export class MunicipalityListView {
  @ApiProperty({ type: [MunicipalityView] }) items: MunicipalityView[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last',
  })
  nextCursor: string | null;
}

export const municipalityView = (lg: LocalGovernment): MunicipalityView => ({
  code: lg.code,
  name: lg.name,
  kana: lg.kana,
  prefecture: lg.prefecture,
  prefectureCode: lg.prefectureCode,
  kind: lg.kind,
});
